variable "token" {
  type      = string
  sensitive = true
  default   = "s3cret"
}

variable "desired_count" {
  type    = number
  default = 2
}

resource "terraform_data" "web" {
  input = "web-${var.desired_count}"
}

resource "terraform_data" "worker" {
  count            = 1
  input            = "worker-${count.index}"
  triggers_replace = ["v2"]
}

output "url" {
  value = "http://127.0.0.1:8080"
}

output "token" {
  value     = var.token
  sensitive = true
}
