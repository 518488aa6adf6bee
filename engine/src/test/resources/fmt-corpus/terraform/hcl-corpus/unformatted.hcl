resource "ecs_service" "web" {
  name          = "web"
  desired_count = var.count + 1
  cpu           = -1 * 2
  tags = {
    a   = 1
    bbb = "x"
  }
  l = [1, 2, 3]
  s = "${var.a}-${join(",", var.b)}"


  c  = var.a ? var.b : var.c
  f  = [for x in var.l : x if !x]
  o  = { for k, v in var.m : k => v... }
  sp = var.a[*].b
  e  = max(var.a...)
  nested {}
}



locals {
  x = 1
}
