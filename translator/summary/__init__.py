"""What the brief shows: sentences ranked with sumy (`rank`), which sentences read as news and
which quotes are statements (`statements`), and the choice and assembly of the brief
(`compose`)."""
