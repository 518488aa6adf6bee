locals {
  a = <<EOT
line
}
