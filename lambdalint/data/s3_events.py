"""S3 event notification names, for LAM006's loops through a triggering bucket.

Names as S3 documents them (Amazon S3 User Guide, "Supported event types"); CDK's
``aws_cdk.aws_s3.EventType`` members are the names they stand for.
"""

from __future__ import annotations

ANY_OBJECT_CREATED = "s3:ObjectCreated:*"

# The ObjectCreated events each write fires; boto3's managed transfers switch to a
# multipart upload for large files.
CREATED_BY_WRITE: dict[str, tuple[str, ...]] = {
    "put_object": ("s3:ObjectCreated:Put",),
    "copy_object": ("s3:ObjectCreated:Copy",),
    "upload_file": ("s3:ObjectCreated:Put", "s3:ObjectCreated:CompleteMultipartUpload"),
    "upload_fileobj": ("s3:ObjectCreated:Put", "s3:ObjectCreated:CompleteMultipartUpload"),
}

CDK_EVENT_TYPES: dict[str, str] = {
    "OBJECT_CREATED": ANY_OBJECT_CREATED,
    "OBJECT_CREATED_PUT": "s3:ObjectCreated:Put",
    "OBJECT_CREATED_POST": "s3:ObjectCreated:Post",
    "OBJECT_CREATED_COPY": "s3:ObjectCreated:Copy",
    "OBJECT_CREATED_COMPLETE_MULTIPART_UPLOAD": "s3:ObjectCreated:CompleteMultipartUpload",
    "OBJECT_REMOVED": "s3:ObjectRemoved:*",
    "OBJECT_REMOVED_DELETE": "s3:ObjectRemoved:Delete",
    "OBJECT_REMOVED_DELETE_MARKER_CREATED": "s3:ObjectRemoved:DeleteMarkerCreated",
    "OBJECT_RESTORE_POST": "s3:ObjectRestore:Post",
    "OBJECT_RESTORE_COMPLETED": "s3:ObjectRestore:Completed",
    "OBJECT_RESTORE_DELETE": "s3:ObjectRestore:Delete",
    "REDUCED_REDUNDANCY_LOST_OBJECT": "s3:ReducedRedundancyLostObject",
    "REPLICATION_OPERATION_FAILED_REPLICATION": "s3:Replication:OperationFailedReplication",
    "REPLICATION_OPERATION_MISSED_THRESHOLD": "s3:Replication:OperationMissedThreshold",
    "REPLICATION_OPERATION_REPLICATED_AFTER_THRESHOLD": (
        "s3:Replication:OperationReplicatedAfterThreshold"
    ),
    "REPLICATION_OPERATION_NOT_TRACKED": "s3:Replication:OperationNotTracked",
    "LIFECYCLE_EXPIRATION": "s3:LifecycleExpiration:*",
    "LIFECYCLE_EXPIRATION_DELETE": "s3:LifecycleExpiration:Delete",
    "LIFECYCLE_EXPIRATION_DELETE_MARKER_CREATED": "s3:LifecycleExpiration:DeleteMarkerCreated",
    "LIFECYCLE_TRANSITION": "s3:LifecycleTransition",
    "INTELLIGENT_TIERING": "s3:IntelligentTiering",
    "OBJECT_TAGGING": "s3:ObjectTagging:*",
    "OBJECT_TAGGING_PUT": "s3:ObjectTagging:Put",
    "OBJECT_TAGGING_DELETE": "s3:ObjectTagging:Delete",
    "OBJECT_ACL_PUT": "s3:ObjectAcl:Put",
}
