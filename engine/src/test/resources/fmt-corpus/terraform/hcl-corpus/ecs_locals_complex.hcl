locals {
  env       = var.environment
  is_prod   = local.env == "prod"
  replicas  = local.is_prod ? 3 : 1
  name      = "${var.project}-${local.env}"
  ports     = [for p in var.ports : { container = p, host = p + 8000 }]
  port_map  = { for p in local.ports : tostring(p.container) => p.host }
  flattened = flatten([for s in var.services : [for p in s.ports : "${s.name}:${p}"]])
  first     = try(var.services[0].name, "none")
  count     = length(var.services) * local.replicas
  enabled   = !local.is_prod || var.force
}
