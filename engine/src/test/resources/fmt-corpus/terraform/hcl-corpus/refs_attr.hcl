locals {
  a = var.region
  b = local.name
  c = ecs_service.web.id
  d = module.net.subnets.private
  e = each.value.name
  f = count.index
  g = self.dashed-name
}
