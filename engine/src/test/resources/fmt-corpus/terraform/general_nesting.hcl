# Written for berth after the shape of Terraform's own fmt test input (general_in.tf).
terraform {
  required_providers {
    ecs = { version = "1.0.0" }
    other = {
      version = "2.0.0"
    }
  }
}

variable "count_of" {

}

resource "ecs_cluster" "main" {
  name = var.count_of
}

resource "ecs_cluster" "b" {
  name = "${var.a}${var.b}"

  setting "containerInsights" {}
}

provider "ecs" {
}

locals {
  pick = (var.x == "a" ? "${var.y}-a" :
    var.x == "b" ? "b-${var.y}" :
  "other")
  wrapped = (var.p == null ? 1 :
    var.q == null ? 2 :
  3)
}
