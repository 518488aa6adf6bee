variable "image" {
  type    = string
  default = "nginx:1.25"
}

variable "replicas" {
  type    = number
  default = 2
}

resource "ecs_cluster" "main" {
  name = "main"
}

resource "ecs_service" "web" {
  name          = "web"
  cluster       = ecs_cluster.main.id
  desired_count = var.replicas

  task {
    image  = var.image
    cpu    = 256
    memory = 512

    port {
      container = 80
      host      = 8080 + count.index
    }

    env = {
      PORT = "80"
      MODE = var.replicas > 1 ? "ha" : "single"
    }
  }

  health_check {
    path     = "/health"
    interval = 30
  }
}

output "service_id" {
  value = ecs_service.web.id
}
    
