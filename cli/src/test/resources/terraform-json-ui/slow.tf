# Slow to create and to destroy, so that Terraform reports it every 10 seconds.
resource "terraform_data" "slow" {
  input = "slow"

  provisioner "local-exec" {
    command = "sleep 11"
  }

  provisioner "local-exec" {
    when    = destroy
    command = "sleep 11"
  }
}
