resource "ecs_service {
  name = "web"
}
