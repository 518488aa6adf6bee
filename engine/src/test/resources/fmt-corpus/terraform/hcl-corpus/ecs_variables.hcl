variable "environment" {
  type        = string
  description = "Deployment environment"
  default     = "dev"

  validation {
    condition     = contains(["dev", "staging", "prod"], var.environment)
    error_message = "Environment must be dev, staging or prod."
  }
}

variable "ports" {
  type    = list(number)
  default = [80, 443]
}

variable "settings" {
  type = object({
    cpu    = number
    memory = number
    labels = map(string)
  })
  default = {
    cpu    = 256
    memory = 512
    labels = {}
  }
}

variable "secret" {
  type      = string
  sensitive = true
  nullable  = false
}
