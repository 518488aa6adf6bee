region = "eu-west-1"
count  = 3
tags = {
  team = "platform"
}
