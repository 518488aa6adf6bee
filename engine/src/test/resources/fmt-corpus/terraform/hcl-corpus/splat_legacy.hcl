locals {
  ids   = ecs_service.web.*.id
  deep  = var.items.*.meta.name
  whole = var.list.*
  after = var.items.*.id[0]
}
