locals {
  a = var.list[*].id
  b = var.list.*.id
  c = var.list [ * ] . name
  d = var.m[*]
  e = aws_instance.web.*.private_ip[0]
  f = var.x[*][0]
  g = [for x in var.l: x.id]
  h = {for k,v in var.m: k=>v...}
}
