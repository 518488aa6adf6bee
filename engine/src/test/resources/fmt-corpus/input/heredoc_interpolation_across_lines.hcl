locals {
  t2 = <<-EOT
    ${join(",",
    var.l)} tail
  EOT
  q = 1
}
