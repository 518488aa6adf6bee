locals {
  greeting = "Hello, ${var.name}!"
  path     = "${path.module}/files/${var.file}"
  only     = var.port
  math     = "total: ${var.a + var.b}"
  call     = "upper: ${upper(var.name)}"
  nested   = "outer ${"inner ${var.x}"}"
  spaced   = var.name
  index    = "${var.list[0]}-${var.map["k"]}"
  two      = "${var.a}${var.b}"
}
