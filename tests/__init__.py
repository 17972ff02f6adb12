"""The tests of Drill, one folder per layer of the package."""
