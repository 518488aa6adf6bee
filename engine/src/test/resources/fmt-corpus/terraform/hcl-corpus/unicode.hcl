locals {
  café  = "crème brûlée"
  名前    = "日本語のテキスト"
  emoji = "🚀 launch"
  mixed = "naïve ${var.ünïcode}"
  greek = "αβγ"
}
