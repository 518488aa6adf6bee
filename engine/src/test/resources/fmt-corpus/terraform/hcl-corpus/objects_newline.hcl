locals {
  tags = {
    Name         = "web"
    Environment  = "prod"
    "with space" = "quoted key"
  }
  empty = {}
  nested = {
    inner = {
      deep = 1
    }
    list = [1, 2]
  }
}
