# A file-level comment
# spanning two lines

resource "ecs_service" "web" { # after the brace
  # inside the block
  name = "web" # trailing
  port = 80    # aligned trailing
}
# at the end
