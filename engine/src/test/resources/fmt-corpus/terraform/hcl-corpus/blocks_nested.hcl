resource "ecs_task_definition" "app" {
  family = "app"

  container {
    name  = "web"
    image = "nginx:1.25"

    port_mapping {
      container_port = 80
      host_port      = 8080
    }

    port_mapping {
      container_port = 443
    }

    environment {
      name  = "MODE"
      value = "production"
    }
  }

  container {
    name = "sidecar"
  }
}
