resource "ecs_service" "web" {
  name = "web"
