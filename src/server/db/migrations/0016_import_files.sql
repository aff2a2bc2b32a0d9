-- Personal data in import files (issue #8): uploads and error files are sealed (encrypted at rest) from now on.
-- file_sealed: the upload is a sealed copy the platform owns, deleted when its job ends (a command-line import
-- names the operator's own plain file, which is never deleted). error_file_sealed: the error file is sealed
-- (older error files are plain). error_file_expired_at: the error file was deleted after its retention period.
ALTER TABLE import_job ADD COLUMN file_sealed boolean NOT NULL DEFAULT false;
ALTER TABLE import_job ADD COLUMN error_file_sealed boolean NOT NULL DEFAULT false;
ALTER TABLE import_job ADD COLUMN error_file_expired_at timestamptz;
