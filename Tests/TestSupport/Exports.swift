// Tests that start programs hold them as ChildProcess values.
@_exported import ChildProcess
