locals {
  a = provider::ecs::describe(1, "x")
  b = provider::aws::arn_parse(var.arn)
  c = [provider::ecs::f()]
}
