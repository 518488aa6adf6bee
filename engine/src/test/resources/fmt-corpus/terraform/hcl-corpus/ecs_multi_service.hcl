locals {
  services = {
    api    = { port = 8080, replicas = 3 }
    worker = { port = 9090, replicas = 1 }
  }
  common_tags = {
    team    = "platform"
    managed = "berth"
  }
}

resource "ecs_service" "svc" {
  for_each = local.services

  name          = each.key
  desired_count = each.value.replicas
  tags          = merge(local.common_tags, { service = each.key })

  task {
    image   = "registry.local/${each.key}:latest"
    command = ["/bin/${each.key}", "--port", tostring(each.value.port)]
  }

  lifecycle {
    ignore_changes = [desired_count]
  }
}

output "ports" {
  value = { for name, s in local.services : name => s.port }
}

output "names" {
  value = [for s in ecs_service.svc : s.name]
}
