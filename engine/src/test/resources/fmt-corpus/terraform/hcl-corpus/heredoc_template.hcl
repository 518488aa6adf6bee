locals {
  config   = <<EOT
name=${var.name}
%{for p in var.ports~}
port=${p}
%{endfor~}
%{if var.debug}debug=true%{endif}
literal=$${kept}
EOT
  indented = <<-EOT
    user ${var.user}
    %{~if var.admin~}
    admin
    %{~endif~}
  EOT
}
