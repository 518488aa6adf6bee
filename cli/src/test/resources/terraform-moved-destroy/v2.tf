resource "terraform_data" "site" {
  input = "web-1"
}

output "site" {
  value = terraform_data.site.output
}

moved {
  from = terraform_data.web
  to   = terraform_data.site
}
