resource "terraform_data" "base" {
  input = "base"
}

resource "terraform_data" "guarded" {
  input = terraform_data.base.output

  lifecycle {
    precondition {
      condition     = terraform_data.base.output == "other"
      error_message = "The base must be \"other\"."
    }
  }
}

resource "terraform_data" "broken" {
  input = "broken"

  provisioner "local-exec" {
    command = "exit 3"
  }
}
