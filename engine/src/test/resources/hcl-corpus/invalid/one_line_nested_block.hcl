resource "ecs_cluster" "a" { lifecycle { prevent_destroy = true } }
