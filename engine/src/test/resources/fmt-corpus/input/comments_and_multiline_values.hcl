resource "ecs_service" "web" {
  name = "web" # n
  desired_count = 2 # dc

  tags = {
    a = 1 # x
    bbb = {
      c = 2
    } # after obj
    dd = 3
  } # end tags
  x = [{
    a = 1
    bb = 2
  }, {
    ccc = 3
  }]
  dynamic_like {
    for_each = var.x # fe
    content {
        v = each.value
    }
  }
  long_name_here = var.a == "x" ? (
    1
  ) : 2
  z = 1
}
# a
  # b
resource "x" "y" { # c
  a = 1
  # inner comment aligned?
  bb = 2 # t
  /* block */ c = 3
}
