locals {
  obj = {a: 1, "b" : 2,
    c = 3 # after c
    # dangling
  }
  list = [
    1, # one
    # between
    2,
  ]
  call = format("%s-%s",
      var.a, # first
    var.b
  )
  cond = (
    var.x
    ? 1
    : 2
  )
  neg = -1 - -2
  neg2 = (-1)
  legacy = a.0.b
  legsplat = a.*.b[0]
  forl = [
    for x in var.l :
    x
    if x != ""
  ]
  json = jsonencode(<<EOT
{"a": 1}
EOT
  )
  tmpl = "%{~ if a ~}x%{~ else ~}y%{~ endif ~}"
  t2 = <<-EOT
    ${ join(",",
    var.l) }
  EOT
  q = "tab	inside"
	tabbed = 1 # tab before
  e = {}
  f = [ ]
  g = ( 1 )
  h = a [ 0 ]
  i = a ? b : c ? d : e
  j = !a
  k = a.b [0].c
}
