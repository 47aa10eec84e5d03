"""S3 and Lambda API facts for LAM005 hardcoded-bucket and LAM006 recursive-invocation.

Taken from botocore 1.44's service models (s3, lambda) and boto3's injected S3
methods (``boto3/s3/inject.py``); method names are as boto3 spells them.
"""

from __future__ import annotations

# S3 client methods whose ``Bucket=`` keyword names a bucket: every s3 operation with a
# Bucket member, plus boto3's transfer and presign methods.
BUCKET_KEYWORD_METHODS: frozenset[str] = frozenset(
    {
        "abort_multipart_upload",
        "complete_multipart_upload",
        "copy",
        "copy_object",
        "create_bucket",
        "create_bucket_metadata_configuration",
        "create_bucket_metadata_table_configuration",
        "create_multipart_upload",
        "create_session",
        "delete_bucket",
        "delete_bucket_analytics_configuration",
        "delete_bucket_cors",
        "delete_bucket_encryption",
        "delete_bucket_intelligent_tiering_configuration",
        "delete_bucket_inventory_configuration",
        "delete_bucket_lifecycle",
        "delete_bucket_metadata_configuration",
        "delete_bucket_metadata_table_configuration",
        "delete_bucket_metrics_configuration",
        "delete_bucket_ownership_controls",
        "delete_bucket_policy",
        "delete_bucket_replication",
        "delete_bucket_tagging",
        "delete_bucket_website",
        "delete_object",
        "delete_object_annotation",
        "delete_object_tagging",
        "delete_objects",
        "delete_public_access_block",
        "download_file",
        "download_fileobj",
        "generate_presigned_post",
        "get_bucket_abac",
        "get_bucket_accelerate_configuration",
        "get_bucket_acl",
        "get_bucket_analytics_configuration",
        "get_bucket_cors",
        "get_bucket_encryption",
        "get_bucket_intelligent_tiering_configuration",
        "get_bucket_inventory_configuration",
        "get_bucket_lifecycle",
        "get_bucket_lifecycle_configuration",
        "get_bucket_location",
        "get_bucket_logging",
        "get_bucket_metadata_configuration",
        "get_bucket_metadata_table_configuration",
        "get_bucket_metrics_configuration",
        "get_bucket_notification",
        "get_bucket_notification_configuration",
        "get_bucket_ownership_controls",
        "get_bucket_policy",
        "get_bucket_policy_status",
        "get_bucket_replication",
        "get_bucket_request_payment",
        "get_bucket_tagging",
        "get_bucket_versioning",
        "get_bucket_website",
        "get_object",
        "get_object_acl",
        "get_object_annotation",
        "get_object_attributes",
        "get_object_legal_hold",
        "get_object_lock_configuration",
        "get_object_retention",
        "get_object_tagging",
        "get_object_torrent",
        "get_public_access_block",
        "head_bucket",
        "head_object",
        "list_bucket_analytics_configurations",
        "list_bucket_intelligent_tiering_configurations",
        "list_bucket_inventory_configurations",
        "list_bucket_metrics_configurations",
        "list_multipart_uploads",
        "list_object_annotations",
        "list_object_versions",
        "list_objects",
        "list_objects_v2",
        "list_parts",
        "put_bucket_abac",
        "put_bucket_accelerate_configuration",
        "put_bucket_acl",
        "put_bucket_analytics_configuration",
        "put_bucket_cors",
        "put_bucket_encryption",
        "put_bucket_intelligent_tiering_configuration",
        "put_bucket_inventory_configuration",
        "put_bucket_lifecycle",
        "put_bucket_lifecycle_configuration",
        "put_bucket_logging",
        "put_bucket_metrics_configuration",
        "put_bucket_notification",
        "put_bucket_notification_configuration",
        "put_bucket_ownership_controls",
        "put_bucket_policy",
        "put_bucket_replication",
        "put_bucket_request_payment",
        "put_bucket_tagging",
        "put_bucket_versioning",
        "put_bucket_website",
        "put_object",
        "put_object_acl",
        "put_object_annotation",
        "put_object_legal_hold",
        "put_object_lock_configuration",
        "put_object_retention",
        "put_object_tagging",
        "put_public_access_block",
        "rename_object",
        "restore_object",
        "select_object_content",
        "update_bucket_metadata_annotation_table_configuration",
        "update_bucket_metadata_inventory_table_configuration",
        "update_bucket_metadata_journal_table_configuration",
        "update_object_encryption",
        "upload_file",
        "upload_fileobj",
        "upload_part",
        "upload_part_copy",
    }
)

# ``client.get_paginator(name).paginate(Bucket=...)`` and ``get_waiter(name).wait(Bucket=...)``.
BUCKET_PAGINATORS: frozenset[str] = frozenset(
    {
        "list_multipart_uploads",
        "list_object_annotations",
        "list_object_versions",
        "list_objects",
        "list_objects_v2",
        "list_parts",
    }
)
BUCKET_WAITERS: frozenset[str] = frozenset(
    {
        "bucket_exists",
        "bucket_not_exists",
        "object_exists",
        "object_not_exists",
    }
)

# Methods whose ``Params=`` dict holds the operation's arguments, ``Bucket`` among them.
PARAMS_METHODS: frozenset[str] = frozenset({"generate_presigned_url"})

# Methods taking ``CopySource``: a {"Bucket": ..., "Key": ...} dict or a "bucket/key"
# string. ``copy`` takes it first positionally on the client, Bucket and Object alike.
COPY_SOURCE_METHODS: frozenset[str] = frozenset(
    {
        "copy_object",
        "upload_part_copy",
        "copy",
        "copy_from",
    }
)
COPY_SOURCE_POSITIONAL_METHODS: frozenset[str] = frozenset({"copy"})

# boto3's transfer methods on the S3 client: their three leading parameters, and which one
# is the bucket. The same names on a Bucket or Object resource drop the Bucket parameter
# (``bucket.upload_file(Filename, Key)``), so only a call that fills the third is a client's.
TRANSFER_METHODS: dict[str, tuple[tuple[str, str, str], int]] = {
    "upload_file": (("Filename", "Bucket", "Key"), 1),
    "upload_fileobj": (("Fileobj", "Bucket", "Key"), 1),
    "download_file": (("Bucket", "Key", "Filename"), 0),
    "download_fileobj": (("Bucket", "Key", "Fileobj"), 0),
    "copy": (("CopySource", "Bucket", "Key"), 1),
}

# S3 resources the service object builds, with their identifiers in order; the first is
# the bucket: ``s3.Bucket("x")``, ``s3.Object("x", key)``, ``s3.BucketPolicy(bucket_name="x")``.
# The same names on another resource take fewer (``bucket.Object(key)``): a call passing
# fewer arguments than identifiers is that sub-resource, not a bucket name.
BUCKET_RESOURCES: dict[str, tuple[str, ...]] = {
    "Bucket": ("name",),
    "BucketAcl": ("bucket_name",),
    "BucketCors": ("bucket_name",),
    "BucketLifecycle": ("bucket_name",),
    "BucketLifecycleConfiguration": ("bucket_name",),
    "BucketLogging": ("bucket_name",),
    "BucketNotification": ("bucket_name",),
    "BucketPolicy": ("bucket_name",),
    "BucketRequestPayment": ("bucket_name",),
    "BucketTagging": ("bucket_name",),
    "BucketVersioning": ("bucket_name",),
    "BucketWebsite": ("bucket_name",),
    "MultipartUpload": ("bucket_name", "object_key", "id"),
    "MultipartUploadPart": ("bucket_name", "object_key", "multipart_upload_id", "part_number"),
    "Object": ("bucket_name", "key"),
    "ObjectAcl": ("bucket_name", "object_key"),
    "ObjectSummary": ("bucket_name", "key"),
    "ObjectVersion": ("bucket_name", "object_key", "id"),
}

# Lambda client methods that run a function named by ``FunctionName=``.
LAMBDA_INVOKE_METHODS: frozenset[str] = frozenset(
    {
        "invoke",
        "invoke_async",
        "invoke_with_response_stream",
    }
)
