resource "terraform_data" "web" {
  input = "web-1"
}

output "site" {
  value = terraform_data.web.output
}
