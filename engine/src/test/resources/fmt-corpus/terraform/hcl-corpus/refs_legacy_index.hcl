locals {
  a = var.list.0
  b = var.list.0.name
  d = aws_instance.web.0.id
}
