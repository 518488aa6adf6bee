locals {
  ids     = ecs_service.web[*].id
  names   = var.items[*].meta.name
  indexed = var.items[*].ports[0]
  whole   = var.list[*]
  call    = length(var.items[*].id)
}
