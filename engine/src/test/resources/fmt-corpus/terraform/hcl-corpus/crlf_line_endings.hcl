locals {
  a = 1
  # comment
  b = "two"
  h = <<EOT
line one
line two
EOT
}
