  	 locals {	
flush = <<-EOT
    first
      second (deeper)
    third
    EOT
	policy = <<-JSON
    {
      "Version": "2012-10-17"
    }
  JSON
  	 }
  	 