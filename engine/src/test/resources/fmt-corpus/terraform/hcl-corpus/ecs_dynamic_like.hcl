resource "ecs_service" "web" {
  name = "web"

  load_balancer {
    target_group = var.tg
    container    = "web"
    port         = 80
  }

  placement {
    type  = "spread"
    field = "attribute:zone"
  }

  placement {
    type  = "binpack"
    field = "memory"
  }

  depends_on = [ecs_cluster.main, ecs_task_definition.app]
}

data "ecs_cluster" "existing" {
  name = "shared"
}

module "network" {
  source = "./modules/network"
  cidr   = "10.0.0.0/16"
}
