locals {
  a = var.list[0]
  b = var.map["key"]
  c = var.map[var.k]
  d = var.nested[0]["x"][1]
  e = ecs_service.web[count.index].id
  f = var.list[length(var.list) - 1]
  g = var.m[local.k].attr[2]
}
