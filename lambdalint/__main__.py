from lambdalint.cli import run

run()
