locals {
  script = <<EOT
#!/bin/sh
echo "hello"
  indented line
EOT
  other  = <<END_OF_TEXT
one line
END_OF_TEXT
  empty  = <<EOT
EOT
}
