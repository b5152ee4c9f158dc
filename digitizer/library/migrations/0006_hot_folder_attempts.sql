-- How many times the hot folder began importing a file. A file whose import was cut off (a
-- crash, a kill) is taken again at the next start; one cut off every time is set aside in
-- `failed/` instead of stopping the folder for good.
ALTER TABLE hot_folder_files ADD COLUMN attempts INTEGER NOT NULL DEFAULT 1;
