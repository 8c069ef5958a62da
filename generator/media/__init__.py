"""Media: probe, convert and publish the photos, videos and sound editors put in content folders.

`probe` and `integrity` check single files (used by `fengcai check`); `MediaPipeline` makes the web
and print derivatives of photos and the web MP4/M4A of videos and sound (avspecs.py says which
format and when a file is only remuxed), cached by content hash. See pipeline.py for the order.
"""

from .assets import AudioAsset, RunStats, VideoAsset
from .errors import MediaError
from .imageset import ImageSet
from .pipeline import MediaPipeline
from .probe import (AudioInfo, ImageInfo, VideoInfo, check_print_resolution, check_vtt, print_pixels_needed,
                    probe_audio, probe_image, probe_video)

__all__ = ["AudioAsset", "AudioInfo", "ImageInfo", "ImageSet", "MediaError", "MediaPipeline", "RunStats",
           "VideoAsset", "VideoInfo", "check_print_resolution", "check_vtt", "print_pixels_needed",
           "probe_audio", "probe_image", "probe_video"]
