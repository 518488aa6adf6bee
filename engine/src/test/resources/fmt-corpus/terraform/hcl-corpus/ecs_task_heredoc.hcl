resource "ecs_task_definition" "app" {
  family = "app"

  container_definitions = <<-DEFS
    [
      {
        "name": "${var.name}",
        "image": "${var.image}",
        "essential": true
      }
    ]
  DEFS

  entrypoint = <<EOT
#!/bin/sh
exec /app --port=${var.port}
EOT
}
