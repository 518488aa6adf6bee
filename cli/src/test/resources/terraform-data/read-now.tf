data "terraform_remote_state" "net" {
  backend = "local"
  config = {
    path = "../other/terraform.tfstate"
  }
}

resource "terraform_data" "web" {
  input = data.terraform_remote_state.net.outputs.cluster
}
