variable "name" {
  type    = string
  default = "web"
}
variable "count_n" {
  type = number
}
variable "secret" {
  type      = string
  default   = "hunter2"
  sensitive = true
}
locals {
  ports = [80, 443]
  tags  = { app = var.name, env = "dev" }
}
resource "terraform_data" "app" {
  input = { name = var.name, replicas = var.count_n }
}
