locals {
  a = "${var.x}"
  b = "${var.x}${var.y}"
  c = "${var.x} "
  d = ["${var.x}", "${1 + 2}"]
  e = { k = "${var.y}" }
  f = "${ var.x }"
  g = "${"lit"}"
  h = "x-${var.x}"
  i = "${var.x ~}"
  j = <<EOT
${var.x}
EOT
}
resource "x" "y" {
  count = "${length(var.l)}"
}
