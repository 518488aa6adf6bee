# Written for berth in the style of pre-0.12 examples (aws provider docs, ecs_task_definition).
resource "aws_ecs_task_definition" "svc" {
  family                = "svc"
  container_definitions = file("defs/svc.json")
  network_mode          = "bridge"

  volume {
    name      = "svc-storage"
    host_path = "/ecs/svc-storage"
  }
  placement_constraints {
    type       = "memberOf"
    expression = "attribute:ecs.availability-zone in [zone-a, zone-b]"
  }
  tags = {
    Name = "${var.name}"
    Env  = "${var.env}-x"
  }
}
