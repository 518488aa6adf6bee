variable "region" {
  default = "eu-west-1"
}

resource "ecs_service" "web" {
  name = "web"
}

thing "a" "b" "c" {
  depth = 3
}

ident_label "plain" "another" {
  mixed = "yes"
}

thing "a" "b" "c" {
  depth = 4
}
