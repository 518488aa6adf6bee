variable "names" {
  type    = list(string)
  default = ["a", "b"]
}

locals {
  ports = { web = 80, api = 8080 }
}

# berth has no terraform_data; a local holds the same input (Terraform types both alike).
locals {
  cfg = { name = "web", replicas = 2, tags = ["x", "y"] }
}

output "text" {
  value = "hello"
}

output "count" {
  value = 3
}

output "flag" {
  value = true
}

output "tuple" {
  value = ["a", 1, true]
}

output "object" {
  value = { name = "web", port = 80 }
}

output "for_list" {
  value = [for n in var.names : upper(n)]
}

output "for_map" {
  value = { for k, v in local.ports : k => v + 1 }
}

output "nested" {
  value = [{ a = 1 }, { a = 2 }]
}

output "empty_tuple" {
  value = []
}

output "empty_object" {
  value = {}
}

output "nothing" {
  value = null
}

output "data" {
  value = local.cfg
}

output "secret" {
  value     = "s3cr3t"
  sensitive = true
}

variable "labels" {
  type    = map(string)
  default = { team = "web" }
}

output "names" {
  value = var.names
}

output "labels" {
  value = var.labels
}

output "first_name" {
  value = var.names[0]
}
