terraform {
  required_version = ">= 1.0"
}

locals {
}

settings {
  enabled = true
}
