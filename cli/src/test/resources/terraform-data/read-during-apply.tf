resource "terraform_data" "path" {
  input = "../other/terraform.tfstate"
}

data "terraform_remote_state" "unknown" {
  backend = "local"
  config = {
    path = terraform_data.path.output
  }
}

resource "terraform_data" "gate" {
  input = "x"
}

data "terraform_remote_state" "after" {
  backend = "local"
  config = {
    path = "../other/terraform.tfstate"
  }
  depends_on = [terraform_data.gate]
}

resource "terraform_data" "web" {
  input = data.terraform_remote_state.unknown.outputs.cluster
}
